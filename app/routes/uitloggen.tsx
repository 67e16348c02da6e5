import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyProviderSession } from "~/server/session.server";
import { endStaffSession } from "~/server/staff-session.server";

/** Ends the provider session and the staff session of this browser, whichever there is. */
export async function action({ request }: ActionFunctionArgs) {
  const clearStaff = await endStaffSession(request);
  const response = await destroyProviderSession(request, "/?uitgelogd=1");
  if (clearStaff) response.headers.append("Set-Cookie", clearStaff);
  return response;
}

// Signing out changes state, so it is a POST; a GET (an old bookmark) just goes home.
export function loader() {
  return redirect("/");
}
