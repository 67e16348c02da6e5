import { useEffect } from "react";

/**
 * With JavaScript, the place field is filled in as soon as a postcode is
 * typed (only when it is still empty, so nothing the user typed is replaced).
 * Without JavaScript the server does the same when the form is posted.
 */
export function PostcodeCityAutofill({ postcodeId, cityId }: { postcodeId: string; cityId: string }) {
  useEffect(() => {
    const postcode = document.getElementById(postcodeId) as HTMLInputElement | null;
    const city = document.getElementById(cityId) as HTMLInputElement | null;
    if (!postcode || !city) return;
    let controller: AbortController | undefined;
    const fill = async () => {
      if (city.value.trim() !== "" || !/^\s*[1-9]\d{3}\s?[a-zA-Z]{2}\s*$/.test(postcode.value)) return;
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`/api/plaatsen?${new URLSearchParams({ postcode: postcode.value })}`, { signal: controller.signal });
        const { place } = (await response.json()) as { place: string | null };
        if (place && city.value.trim() === "") city.value = place;
      } catch {
        // Offline or aborted: the server fills it in on submit.
      }
    };
    postcode.addEventListener("change", fill);
    postcode.addEventListener("blur", fill);
    return () => {
      controller?.abort();
      postcode.removeEventListener("change", fill);
      postcode.removeEventListener("blur", fill);
    };
  }, [postcodeId, cityId]);
  return null;
}
