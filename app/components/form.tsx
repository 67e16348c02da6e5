import {
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type TextareaHTMLAttributes,
} from "react";
import { errorSummaryHeading } from "~/domain/count-messages";

/** Errors keyed by field name, as the server returns them with status 400. */
export type FieldErrors = Record<string, string[] | undefined>;

/** The message at a field, read as "Fout: …" by screen readers; nothing when there is no error. */
export function FieldError({ id, message, as: Tag = "span" }: { id: string; message: string | undefined | null; as?: "span" | "p" }) {
  if (!message) return null;
  return (
    <Tag className="field__error" id={id}>
      <span className="visually-hidden">Fout: </span>
      {message}
    </Tag>
  );
}

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  after?: ReactNode;
  /** Extra classes for a field with its own layout (price with €, autocomplete). */
  className?: string;
};

/**
 * Label, hint and error message above the control; the control's
 * aria-describedby uses `describedBy(id, hint, error)` to point at them.
 */
export function FieldShell({ id, label, hint, error, children, after, className }: FieldShellProps) {
  const classes = ["field", error ? "field--error" : null, className ?? null].filter(Boolean).join(" ");
  return (
    <div className={classes}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {children}
      {after}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
};

export function TextField({ name, label, hint, error, id, type = "text", ...input }: TextFieldProps) {
  const fieldId = id ?? name;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  /** Shows a live `n/max` counter with JavaScript; the server enforces the limit either way. */
  maxCharacters?: number;
};

export function TextArea({ name, label, hint, error, id, maxCharacters, defaultValue, ...textarea }: TextAreaProps) {
  const fieldId = id ?? name;
  const counterId = `${fieldId}-counter`;
  const [length, setLength] = useState(String(defaultValue ?? "").length);
  return (
    <FieldShell
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      after={maxCharacters ? <CharacterCounter id={counterId} length={length} max={maxCharacters} /> : null}
    >
      <textarea
        id={fieldId}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error, maxCharacters ? counterId : undefined)}
        onChange={(event) => setLength(event.currentTarget.value.length)}
        {...textarea}
      />
    </FieldShell>
  );
}

/**
 * `37/200`. Rendered on the server with the current length, so it is right
 * without JavaScript too; with JavaScript it follows the typing. Screen
 * readers hear it only when they ask for the description, not at every key.
 */
export function CharacterCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length > max;
  return (
    <span id={id} className={over ? "counter counter--over" : "counter"}>
      {length}/{max} tekens
      {over ? ` — ${length - max} te veel` : ""}
    </span>
  );
}

/**
 * With JavaScript, a summary link focuses its field itself: letting the hash
 * change would make the router navigate and drop the returned errors and
 * values. Without JavaScript the plain link jumps to the field.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

type ErrorSummaryProps = {
  errors: FieldErrors | undefined;
  /** The visible question of each field, in form order; decides the order of the list. */
  labels: Record<string, string>;
};

/**
 * The list of problems at the top of a form, each a link to its field. With
 * JavaScript it takes focus when it appears, so keyboard and screen-reader
 * users land on it; without, it is the first thing after the page intro and
 * is announced as an alert.
 */
export function ErrorSummary({ errors, labels }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const entries = Object.keys(labels)
    .map((name) => [name, errors?.[name]?.[0]] as const)
    .filter((entry): entry is readonly [string, string] => Boolean(entry[1]));
  const other = errors?.[""]?.[0] ?? errors?.["form"]?.[0];

  // Focus once per new set of errors, not on every re-render of the form.
  const signature = JSON.stringify(errors ?? {});
  useEffect(() => {
    if (signature !== "{}") ref.current?.focus();
  }, [signature]);

  if (entries.length === 0 && !other) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 id={headingId}>{errorSummaryHeading(entries.length + (other ? 1 : 0))}</h2>
      <ul>
        {other ? <li>{other}</li> : null}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`} onClick={(event) => focusField(event, name)}>
              {labels[name]} — {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What Conform's `submission.reply()` sends back with a rejected form. */
type ReplyLike = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null } | undefined | null;

/**
 * The values and errors to render a form with: after a rejected POST the
 * submitted values (nothing typed is lost), otherwise the saved ones.
 */
export function formState(lastResult: ReplyLike, saved: Record<string, unknown>) {
  const submitted = lastResult?.initialValue ?? null;
  const values: Record<string, unknown> = submitted ?? saved;
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(lastResult?.error ?? {})) {
    if (messages && messages.length > 0) errors[name === "" ? "form" : name] = messages;
  }
  const text = (name: string): string => {
    const value = values[name];
    return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  };
  const list = (name: string): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  };
  const error = (name: string): string | undefined => errors[name]?.[0];
  return { values, errors, text, list, error, submitted: submitted !== null };
}

type ChoiceOption = { value: string; label: string };

type ChoiceGroupProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly ChoiceOption[];
  type: "radio" | "checkbox";
  selected: readonly string[];
  inline?: boolean;
};

/** Radio buttons or checkboxes in a fieldset whose legend is the question. */
export function ChoiceGroup({ name, legend, hint, error, options, type, selected, inline }: ChoiceGroupProps) {
  const describedById = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={error ? "field field--error" : "field"}
      id={name}
      tabIndex={-1}
      aria-describedby={describedById}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${name}-error`} message={error} />
      <div className={inline ? "choices choices--inline" : "choices"}>
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input type={type} id={id} name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
