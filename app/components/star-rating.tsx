import { FieldError } from "~/components/form";
import { starsWord } from "~/domain/review";

/**
 * 1 to 5 stars as five radio buttons: a plain form control, so it works
 * without JavaScript and with the keyboard (arrow keys), and each choice is
 * read as "1 ster" … "5 sterren". The buttons look like large stars; the
 * stars up to the chosen one fill in (CSS only).
 */
export function StarRatingInput({
  name,
  legend,
  hint,
  error,
  selected,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  selected: number | null;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={error ? "field field--error star-rating" : "field star-rating"}
      id={name}
      tabIndex={-1}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${name}-error`} message={error} />
      <div className="star-rating__options">
        {[1, 2, 3, 4, 5].map((stars) => {
          const id = `${name}-${stars}`;
          return (
            <div className="star-rating__option" key={stars}>
              <input
                className="star-rating__input"
                type="radio"
                id={id}
                name={name}
                value={stars}
                defaultChecked={selected === stars}
              />
              <label htmlFor={id} className="star-rating__label">
                <span className="star-rating__star" aria-hidden="true">
                  ★
                </span>
                <span className="star-rating__text">{starsWord(stars)}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
