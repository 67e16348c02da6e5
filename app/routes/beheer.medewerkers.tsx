import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DateTime } from "~/components/beheer";
import { ErrorSummary, formState, TextField } from "~/components/form";
import { TableScroll } from "~/components/table-scroll";
import { checkPassword, MAX_PASSWORD_LENGTH } from "~/domain/password";
import { database } from "~/server/db.server";
import { createStaff, listStaff, StaffAccountError } from "~/server/staff.server";
import { requireStaff } from "~/server/staff-session.server";

export const meta: MetaFunction = () => [{ title: "Medewerkers — Beheer — Vivium Services" }];

const labels = {
  name: "Naam van de nieuwe medewerker",
  email: "E-mailadres",
  password: "Eerste wachtwoord",
};

const schema = z.object({
  name: z.string({ error: "Vul de naam in" }).trim().min(2, { error: "Vul de naam in" }).max(100, { error: "De naam mag hoogstens 100 tekens lang zijn" }),
  email: z.string({ error: "Vul het e-mailadres in" }).trim().toLowerCase().max(254).pipe(z.email({ error: "Vul een geldig e-mailadres in, zoals naam@viviumservices.nl" })),
  password: z
    .string({ error: "Kies een wachtwoord" })
    .max(MAX_PASSWORD_LENGTH)
    .superRefine((value, ctx) => {
      const problem = checkPassword(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { staff: await listStaff(database().db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  try {
    await createStaff(database().db, submission.value, actor);
  } catch (error) {
    if (!(error instanceof StaffAccountError)) throw error;
    return data(submission.reply({ fieldErrors: { [error.field]: [error.message] }, hideFields: ["password"] }), { status: 400 });
  }
  return redirect("/beheer/medewerkers?toegevoegd=1", 303);
}

export default function StaffPage() {
  const { staff } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const form = formState(lastResult, {});
  return (
    <>
      <h1>Medewerkers</h1>
      {searchParams.get("toegevoegd") ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>De medewerker is toegevoegd en kan inloggen op /inloggen met het gekozen wachtwoord.</strong>
          </p>
        </div>
      ) : null}
      <TableScroll label="Medewerkers">
        <table className="beheer-table">
          <caption className="visually-hidden">Medewerkers</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">E-mailadres</th>
              <th scope="col">Actief</th>
              <th scope="col">Toegevoegd</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{member.active ? "ja" : "nee"}</td>
                <td>
                  <DateTime iso={member.created_at} />
                  {member.created_by_name ? ` door ${member.created_by_name}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Medewerker toevoegen</h2>
      <p>De nieuwe medewerker logt in op dezelfde pagina als dienstverleners en komt dan in het beheer. Geef het wachtwoord persoonlijk of telefonisch door.</p>
      <ErrorSummary errors={form.errors} labels={labels} />
      <Form method="post" noValidate>
        <TextField name="name" label={labels.name} autoComplete="off" defaultValue={form.text("name")} error={form.error("name")} required />
        <TextField name="email" type="email" label={labels.email} autoComplete="off" defaultValue={form.text("email")} error={form.error("email")} required />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint="Minstens 10 tekens, geen veelgebruikt wachtwoord."
          autoComplete="new-password"
          error={form.error("password")}
          required
        />
        <div className="form-actions">
          <button type="submit">Medewerker toevoegen</button>
        </div>
      </Form>
    </>
  );
}
