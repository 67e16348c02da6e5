/**
 * What staff checked, as plain ticked lines: text to read, not something
 * that looks like a button a senior might try to press. With `title` the
 * list has its own visible label (a search card); the profile page puts a
 * heading above it instead.
 */
export function SeenByChecks({ checks, title }: { checks: readonly string[]; title?: string }) {
  const list = (
    <ul className="seen-by">
      {checks.map((check) => (
        <li key={check}>
          <span aria-hidden="true" className="seen-by__mark">
            ✓
          </span>
          {check}
        </li>
      ))}
    </ul>
  );
  if (!title) return list;
  return (
    <div className="seen-by-block">
      <p className="seen-by-block__title">{title}</p>
      {list}
    </div>
  );
}
