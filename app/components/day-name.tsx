/**
 * A weekday as a table heading: the whole word ("Woensdag"), and on a narrow
 * screen its two-letter abbreviation ("Wo") so that a week of day-parts fits a
 * phone without scrolling sideways. Screen readers always hear the whole word.
 */
export function DayName({ day }: { day: string }) {
  const name = day.charAt(0).toUpperCase() + day.slice(1);
  return (
    <>
      <span className="day-name__long">{name}</span>
      <span className="day-name__short" aria-hidden="true">
        {name.slice(0, 2)}
      </span>
    </>
  );
}
