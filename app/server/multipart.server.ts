import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/** What a visitor reads when the body is not a readable multipart form (a crafted or broken request). */
export const UNREADABLE_FORM_MESSAGE = "Het formulier kon niet worden gelezen. Open de pagina opnieuw en verstuur het formulier nog eens.";

/**
 * Remix's multipart parser, for every upload form. A body that is not valid
 * multipart (garbage after the boundary, a header line it cannot read) is a
 * bad request (400 with a Dutch message), not a server error. Size limits
 * (MaxPartSizeExceededError) and Responses an upload handler throws go
 * through unchanged: each form answers those in its own words.
 */
export async function parseMultipartForm(request: Request, handler: UploadHandler): Promise<FormData> {
  try {
    return await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || error instanceof Response) throw error;
    throw new Response(UNREADABLE_FORM_MESSAGE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
