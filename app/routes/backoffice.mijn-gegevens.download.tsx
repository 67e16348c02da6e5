import type { LoaderFunctionArgs } from "@remix-run/node";
import { amsterdamDate } from "~/domain/dashboard-stats";
import { exportFileName } from "~/domain/account-erasure";
import { database } from "~/server/db.server";
import { exportOwnData } from "~/server/own-data.server";
import { requireProvider } from "~/server/session.server";

/** Everything we hold about the signed-in provider, as a JSON download. Only the session decides whose. */
export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const now = new Date();
  const body = JSON.stringify(await exportOwnData(database().db, providerId, now), null, 2);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(amsterdamDate(now))}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
