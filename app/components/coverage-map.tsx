import { useId } from "react";
import type { CoverageMapModel } from "~/domain/coverage-map";

/**
 * Colours: the covered dots are the brand blue (#0b4f6c, 9:1 against the
 * white map and 5:1 against the grey dots), the other areas light grey so
 * the country's outline shows, the base a dark orange ring. Never colour
 * alone: the legend names each mark, and the sentence says it in words.
 */
const COLOURS = { covered: "#0b4f6c", uncovered: "#bdbdbd", base: "#8a3b00", background: "#ffffff" } as const;
const DOT = { covered: 6, uncovered: 3.5 } as const;

type Props = {
  map: CoverageMapModel;
  /** "Bert komt bij u thuis binnen 15 km van Woerden". */
  sentence: string;
  firstName: string;
  /** The place of the base, for the legend; never more precise than that. */
  basePlace: string | null;
};

export function CoverageMap({ map, sentence, firstName, basePlace }: Props) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const baseText = basePlace ? `Uitvalsbasis van ${firstName}: omgeving ${basePlace}` : `Uitvalsbasis van ${firstName}`;
  return (
    <figure className="coverage-map">
      <svg
        className="coverage-map__svg"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={titleId}>{`Kaart van het werkgebied van ${firstName}`}</title>
        <desc id={descId}>
          {`${sentence}. De postcodegebieden in het werkgebied zijn donkerblauw, de rest van Nederland lichtgrijs.${map.base ? ` De oranje ring toont de omgeving van de uitvalsbasis, niet het exacte adres.` : ""}`}
        </desc>
        <rect width={map.width} height={map.height} fill={COLOURS.background} />
        <path d={map.uncoveredPath} fill="none" stroke={COLOURS.uncovered} strokeWidth={DOT.uncovered} strokeLinecap="round" />
        <path d={map.coveredPath} fill="none" stroke={COLOURS.covered} strokeWidth={DOT.covered} strokeLinecap="round" />
        {map.base && map.radius ? (
          <circle
            cx={map.base.x}
            cy={map.base.y}
            r={map.radius}
            fill="none"
            stroke={COLOURS.covered}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
        ) : null}
        {map.base ? (
          <g className="coverage-map__base">
            <circle cx={map.base.x} cy={map.base.y} r={10} fill="none" stroke={COLOURS.background} strokeWidth={6} />
            <circle cx={map.base.x} cy={map.base.y} r={10} fill="none" stroke={COLOURS.base} strokeWidth={3.5} />
            <circle cx={map.base.x} cy={map.base.y} r={2.5} fill={COLOURS.base} />
          </g>
        ) : null}
      </svg>
      <figcaption className="coverage-map__caption">
        <p className="coverage-map__sentence">{sentence}.</p>
        <ul className="coverage-map__legend">
          <li>
            <LegendMark kind="covered" />
            Binnen het werkgebied
          </li>
          <li>
            <LegendMark kind="uncovered" />
            Buiten het werkgebied
          </li>
          {map.base ? (
            <li>
              <LegendMark kind="base" />
              {baseText}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}

function LegendMark({ kind }: { kind: "covered" | "uncovered" | "base" }) {
  return (
    <svg className="coverage-map__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {kind === "base" ? (
        <>
          <circle cx={12} cy={12} r={8} fill={COLOURS.background} stroke={COLOURS.base} strokeWidth={4} />
          <circle cx={12} cy={12} r={2.5} fill={COLOURS.base} />
        </>
      ) : (
        <circle cx={12} cy={12} r={kind === "covered" ? 8 : 6} fill={COLOURS[kind]} />
      )}
    </svg>
  );
}
