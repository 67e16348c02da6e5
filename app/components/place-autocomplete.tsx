import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { placeDisplayName } from "~/domain/availability";
import { describedBy, FieldShell } from "./form";
import { placesFoundMessage } from "~/domain/count-messages";

type PlaceAutocompleteProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  /** The submit button Enter presses when no suggestion is highlighted, so Enter adds the place instead of saving the step. */
  enterButtonId?: string;
  /** Changes (by identity) whenever the field should be emptied and focused again, e.g. after a place was added. */
  resetSignal?: unknown;
  /** Answers `?q=` with `{ places: [{ name }] }`. */
  source?: string;
};

const MIN_QUERY_LENGTH = 2;
const TYPING_PAUSE_MS = 150;

function readPlaceNames(body: unknown): string[] {
  if (typeof body !== "object" || body === null || !("places" in body) || !Array.isArray(body.places)) return [];
  return body.places
    .map((place: unknown) => (typeof place === "object" && place !== null && "name" in place ? place.name : null))
    .filter((name): name is string => typeof name === "string");
}

const optionElementId = (listboxId: string, index: number) => `${listboxId}-option-${index}`;

/**
 * A text field for a place name. Without JavaScript it is a plain input that
 * is posted with the form and checked on the server. With JavaScript it
 * becomes an ARIA 1.2 combobox: suggestions from `source` in a listbox,
 * arrow keys move through them (focus stays in the field, the highlighted
 * option is `aria-activedescendant`), Enter picks one, Escape closes the
 * list, and a polite live region says how many places were found.
 */
export function PlaceAutocomplete({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  enterButtonId,
  resetSignal,
  source = "/api/plaatsen",
}: PlaceAutocompleteProps) {
  // The combobox roles are only true once the script runs; before that it is a text field.
  const [enhanced, setEnhanced] = useState(false);
  const [options, setOptions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const request = useRef<{ timer?: ReturnType<typeof setTimeout>; controller?: AbortController }>({});
  const listboxId = useId();
  const optionId = (index: number) => optionElementId(listboxId, index);

  useEffect(() => setEnhanced(true), []);

  useEffect(() => {
    const pending = request.current;
    return () => {
      clearTimeout(pending.timer);
      pending.controller?.abort();
    };
  }, []);

  useEffect(() => {
    if (resetSignal === undefined || !inputRef.current) return;
    inputRef.current.value = "";
    inputRef.current.focus();
    setOpen(false);
    setOptions([]);
  }, [resetSignal]);

  useEffect(() => {
    if (open && active >= 0) document.getElementById(optionElementId(listboxId, active))?.scrollIntoView({ block: "nearest" });
  }, [open, active, listboxId]);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function search(query: string) {
    const pending = request.current;
    clearTimeout(pending.timer);
    pending.controller?.abort();
    if (query.trim().length < MIN_QUERY_LENGTH) {
      setOptions([]);
      close();
      setStatus("");
      return;
    }
    pending.timer = setTimeout(async () => {
      const controller = new AbortController();
      pending.controller = controller;
      try {
        const response = await fetch(`${source}?${new URLSearchParams({ q: query })}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) return;
        const names = readPlaceNames(await response.json());
        if (controller.signal.aborted) return;
        setOptions(names);
        setActive(-1);
        setOpen(names.length > 0 && document.activeElement === inputRef.current);
        setStatus(placesFoundMessage(names.length));
      } catch {
        // Offline or superseded by newer typing: the field still works as plain text.
      }
    }, TYPING_PAUSE_MS);
  }

  function choose(index: number) {
    const chosen = options[index];
    if (chosen === undefined || !inputRef.current) return;
    inputRef.current.value = chosen;
    inputRef.current.focus();
    close();
    setStatus(`${placeDisplayName(chosen)} gekozen.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options.length;
    switch (event.key) {
      case "ArrowDown":
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        // Alt+ArrowDown only opens the list, as in the APG pattern.
        setActive(event.altKey ? -1 : open ? (active + 1) % count : 0);
        return;
      case "ArrowUp":
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(open && active > 0 ? active - 1 : count - 1);
        return;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        } else if (enterButtonId) {
          const button = document.getElementById(enterButtonId);
          if (button instanceof HTMLButtonElement) {
            event.preventDefault();
            close();
            button.click();
          }
        }
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        return;
      default:
        return;
    }
  }

  const describedById = describedBy(id, hint, error);
  const expanded = open && options.length > 0;

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className="place-autocomplete">
      <div className="place-autocomplete__control">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          defaultValue={defaultValue}
          autoComplete={enhanced ? "off" : "address-level2"}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedById}
          role={enhanced ? "combobox" : undefined}
          aria-autocomplete={enhanced ? "list" : undefined}
          aria-expanded={enhanced ? expanded : undefined}
          aria-controls={enhanced ? listboxId : undefined}
          aria-activedescendant={enhanced && expanded && active >= 0 ? optionId(active) : undefined}
          onChange={enhanced ? (event) => search(event.currentTarget.value) : undefined}
          onKeyDown={enhanced ? onKeyDown : undefined}
          onBlur={enhanced ? close : undefined}
        />
        {enhanced ? (
          <ul id={listboxId} role="listbox" aria-label="Voorgestelde plaatsen" className="place-autocomplete__listbox" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={index === active ? "place-autocomplete__option place-autocomplete__option--active" : "place-autocomplete__option"}
                // mousedown, not click: the field keeps focus, so the list does not close before the choice lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(index);
                }}
              >
                {placeDisplayName(option)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {enhanced ? (
        <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
          {status}
        </div>
      ) : null}
    </FieldShell>
  );
}
