import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyProviderSession } from "~/server/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return destroyProviderSession(request, "/?uitgelogd=1");
}

// Signing out changes state, so it is a POST; a GET (an old bookmark) just goes home.
export function loader() {
  return redirect("/");
}
