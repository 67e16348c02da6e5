// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PhotoCropper } from "./photo-cropper";

beforeAll(() => {
  // jsdom lays nothing out; the cropper only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

/** jsdom does not decode images: give the <img> a size and tell React it loaded. */
function loadImage(container: HTMLElement, width: number, height: number) {
  const img = container.querySelector("img")!;
  Object.defineProperty(img, "naturalWidth", { value: width });
  Object.defineProperty(img, "naturalHeight", { value: height });
  act(() => {
    fireEvent.load(img);
  });
}

function postedCrop(container: HTMLElement) {
  const value = (name: string) => container.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? null;
  return { left: value("cropLeft"), top: value("cropTop"), width: value("cropWidth"), height: value("cropHeight"), photoId: value("cropPhotoId") };
}

describe("PhotoCropper", () => {
  it("posts nothing until the image has loaded, then the same centred crop the server would make", () => {
    const { container } = render(<PhotoCropper src="blob:x" onLoadError={() => {}} />);
    expect(postedCrop(container).left).toBeNull();
    loadImage(container, 1600, 1200);
    expect(postedCrop(container)).toEqual({ left: "320", top: "0", width: "960", height: "1200", photoId: null });
  });

  it("moves the photo with the arrow keys and zooms with the slider", () => {
    const { container, getByRole, getByLabelText } = render(<PhotoCropper src="blob:x" onLoadError={() => {}} />);
    loadImage(container, 1600, 1200);
    const frame = getByRole("application", { name: "Uitsnede van uw profielfoto" });

    fireEvent.change(getByLabelText("Inzoomen"), { target: { value: "2" } });
    expect(postedCrop(container)).toMatchObject({ width: "480", height: "600", left: "560", top: "300" });

    // The photo moves up, so the crop moves down the photo.
    fireEvent.keyDown(frame, { key: "ArrowUp" });
    fireEvent.keyDown(frame, { key: "ArrowRight" });
    const moved = postedCrop(container);
    expect(Number(moved.top)).toBeGreaterThan(300);
    expect(Number(moved.left)).toBeLessThan(560);

    fireEvent.keyDown(frame, { key: "Home" });
    expect(postedCrop(container)).toMatchObject({ left: "320", top: "0", width: "960" });
  });

  it("never lets the crop leave the photo", () => {
    const { container, getByRole } = render(<PhotoCropper src="blob:x" onLoadError={() => {}} />);
    loadImage(container, 1600, 1200);
    const frame = getByRole("application");
    for (let i = 0; i < 200; i++) fireEvent.keyDown(frame, { key: "ArrowLeft", shiftKey: true });
    expect(postedCrop(container)).toMatchObject({ left: "640", width: "960" });
  });

  it("for the stored photo, posts the crop and the photo's id only once it was changed", () => {
    const { container, getByRole } = render(
      <PhotoCropper src="/foto/abc/original.jpg" photoId="abc" initialCrop={{ left: 100, top: 50, width: 400, height: 500 }} onLoadError={() => {}} />,
    );
    loadImage(container, 1600, 1200);
    expect(postedCrop(container).left).toBeNull();
    fireEvent.click(getByRole("button", { name: /Omlaag/ }));
    expect(postedCrop(container)).toEqual({ left: "100", top: "30", width: "400", height: "500", photoId: "abc" });
  });

  it("reports a file the browser cannot show", () => {
    const onLoadError = vi.fn();
    const { container } = render(<PhotoCropper src="blob:x" onLoadError={onLoadError} />);
    fireEvent.error(container.querySelector("img")!);
    expect(onLoadError).toHaveBeenCalledOnce();
  });

  it("renders on the server without inline styles or crop fields", () => {
    const html = renderToString(<PhotoCropper src="/foto/abc/original.jpg" onLoadError={() => {}} />);
    expect(html).not.toContain("style=");
    expect(html).not.toContain("cropLeft");
  });
});
