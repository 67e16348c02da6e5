import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { centredCrop, fitCrop, MIN_CROP_WIDTH, PHOTO_ASPECT_HEIGHT, PHOTO_ASPECT_WIDTH, type Crop } from "~/domain/profile-photo";

/**
 * False on the server and during hydration, true once the page's JavaScript
 * runs. Enhancements render only then, so the HTML without JavaScript never
 * shows controls that cannot work.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The visible part of the photo, in image pixels; fractional while moving, whole when posted. */
type View = { left: number; top: number; width: number };
type Size = { width: number; height: number };

function heightOf(width: number): number {
  return (width * PHOTO_ASPECT_HEIGHT) / PHOTO_ASPECT_WIDTH;
}

/** The widest 4:5 view of the image: zoom level 1. */
function fullWidth(image: Size): number {
  return Math.min(image.width, (image.height * PHOTO_ASPECT_WIDTH) / PHOTO_ASPECT_HEIGHT);
}

function clampView(view: View, image: Size): View {
  const width = Math.min(Math.max(view.width, Math.min(MIN_CROP_WIDTH, fullWidth(image))), fullWidth(image));
  return {
    width,
    left: Math.min(Math.max(view.left, 0), image.width - width),
    top: Math.min(Math.max(view.top, 0), image.height - heightOf(width)),
  };
}

function zoomedView(view: View, width: number, image: Size): View {
  const centreX = view.left + view.width / 2;
  const centreY = view.top + heightOf(view.width) / 2;
  return clampView({ width, left: centreX - width / 2, top: centreY - heightOf(width) / 2 }, image);
}

type PhotoCropperProps = {
  /** An object URL of the file just chosen, or the owner's original of the stored photo. */
  src: string;
  /** Where to start (the stored crop); otherwise the same centred crop the server makes without JavaScript. */
  initialCrop?: Crop | null;
  /**
   * Set when cropping the stored photo: the crop is then only posted once
   * changed, together with the photo's id, so a stale page cannot re-crop a
   * photo that has been replaced since.
   */
  photoId?: string;
  onLoadError: () => void;
};

const KEY_STEP = 10;
const KEY_STEP_LARGE = 50;
const ZOOM_STEP = 0.1;

/**
 * A fixed 4:5 portrait frame with the photo behind it: drag the photo (mouse,
 * finger or pen), use the arrow keys or the buttons to move it, and the
 * slider to zoom. The chosen crop goes along with the form in hidden fields,
 * in pixels of the upright image; the server checks it and falls back to
 * its own centred crop if it does not fit. Renders only in the browser.
 */
export function PhotoCropper({ src, initialCrop, photoId, onLoadError }: PhotoCropperProps) {
  const ids = useId();
  const viewportRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ pointerId: number; x: number; y: number; view: View } | null>(null);
  const [image, setImage] = useState<Size | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [changed, setChanged] = useState(false);
  const [frameWidth, setFrameWidth] = useState(0);

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const measure = () => setFrameWidth(viewport.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  const update = (next: View) => {
    if (!image) return;
    setView(clampView(next, image));
    setChanged(true);
  };

  const onLoad = (event: { currentTarget: HTMLImageElement }) => {
    // naturalWidth/Height already follow the EXIF orientation, as the server's autoOrient does.
    const size = { width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight };
    const start = initialCrop ?? centredCrop(size.width, size.height);
    setImage(size);
    setView(clampView({ left: start.left, top: start.top, width: start.width }, size));
  };

  const ready = image !== null && view !== null;
  const scale = ready && frameWidth > 0 ? frameWidth / view.width : 0;
  const zoom = ready ? fullWidth(image) / view.width : 1;
  const maxZoom = image ? Math.max(1, fullWidth(image) / MIN_CROP_WIDTH) : 1;
  const move = (dx: number, dy: number) => {
    if (view) update({ ...view, left: view.left + dx, top: view.top + dy });
  };
  const setZoom = (value: number) => {
    if (!image || !view) return;
    setView(zoomedView(view, fullWidth(image) / Math.min(Math.max(value, 1), maxZoom), image));
    setChanged(true);
  };
  const reset = () => {
    if (!image) return;
    const start = centredCrop(image.width, image.height);
    update({ left: start.left, top: start.top, width: start.width });
  };
  // Buttons move by a twentieth of the frame, whatever the photo's size.
  const buttonStep = view ? view.width / 20 : 0;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = (event.shiftKey ? KEY_STEP_LARGE : KEY_STEP) / (scale || 1);
    const actions: Record<string, () => void> = {
      ArrowUp: () => move(0, step),
      ArrowDown: () => move(0, -step),
      ArrowLeft: () => move(step, 0),
      ArrowRight: () => move(-step, 0),
      "+": () => setZoom(zoom + ZOOM_STEP),
      "=": () => setZoom(zoom + ZOOM_STEP),
      "-": () => setZoom(zoom - ZOOM_STEP),
      Home: reset,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !view) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, view };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId || scale === 0) return;
    // The photo follows the pointer, so the view moves the other way.
    update({ ...start.view, left: start.view.left - (event.clientX - start.x) / scale, top: start.view.top - (event.clientY - start.y) / scale });
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };

  const crop = ready
    ? fitCrop(view.left + view.width / 2, view.top + heightOf(view.width) / 2, view.width, image.width, image.height)
    : null;
  const post = crop !== null && (!photoId || changed);
  return (
    <div className="cropper">
      <p className="cropper__help" id={`${ids}-help`}>
        Sleep de foto met de muis of uw vinger tot uw gezicht in het midden staat, met uw ogen ongeveer op de
        stippellijn. Met de pijltjestoetsen of de knoppen onder de foto kan het ook.
      </p>
      {/* Moving a photo in two directions has no matching widget role; "application"
          lets screen readers pass the arrow keys through. jsx-a11y does not count it
          as interactive, hence the two exceptions. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={viewportRef}
        className="cropper__viewport"
        role="application"
        aria-roledescription="uitsnede"
        aria-label="Uitsnede van uw profielfoto"
        aria-describedby={`${ids}-help`}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <img
          src={src}
          alt=""
          draggable={false}
          onLoad={onLoad}
          onError={onLoadError}
          className={ready && scale > 0 ? "cropper__image" : "cropper__image cropper__image--loading"}
          style={
            ready
              ? {
                  width: `${image.width * scale}px`,
                  height: `${image.height * scale}px`,
                  transform: `translate(${-view.left * scale}px, ${-view.top * scale}px)`,
                }
              : undefined
          }
        />
        <div className="cropper__guide" aria-hidden="true" />
      </div>
      {ready ? null : <p role="status">De foto wordt geladen…</p>}
      <div className="cropper__zoom">
        <label htmlFor={`${ids}-zoom`}>Inzoomen</label>
        <input
          type="range"
          id={`${ids}-zoom`}
          min={1}
          max={maxZoom}
          step={0.01}
          value={zoom}
          disabled={!ready || maxZoom <= 1}
          aria-valuetext={`${Math.round(zoom * 100)} procent`}
          onChange={(event) => setZoom(Number(event.currentTarget.value))}
        />
      </div>
      <div className="cropper__moves" role="group" aria-label="Foto verschuiven">
        <button type="button" className="button--secondary" onClick={() => move(0, buttonStep)}>
          <span aria-hidden="true">↑</span> Omhoog
        </button>
        <button type="button" className="button--secondary" onClick={() => move(0, -buttonStep)}>
          <span aria-hidden="true">↓</span> Omlaag
        </button>
        <button type="button" className="button--secondary" onClick={() => move(buttonStep, 0)}>
          <span aria-hidden="true">←</span> Naar links
        </button>
        <button type="button" className="button--secondary" onClick={() => move(-buttonStep, 0)}>
          <span aria-hidden="true">→</span> Naar rechts
        </button>
        <button type="button" className="button--link" onClick={reset}>
          Terug naar het begin
        </button>
      </div>
      {post ? (
        <>
          <input type="hidden" name="cropLeft" value={crop.left} />
          <input type="hidden" name="cropTop" value={crop.top} />
          <input type="hidden" name="cropWidth" value={crop.width} />
          <input type="hidden" name="cropHeight" value={crop.height} />
          {photoId ? <input type="hidden" name="cropPhotoId" value={photoId} /> : null}
        </>
      ) : null}
    </div>
  );
}
