// Any address no other route claims: the root error boundary shows the friendly 404.
export function loader() {
  throw new Response("Niet gevonden", { status: 404 });
}

export default function NotFound() {
  return null;
}
