import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { WizardStepWithState } from "~/domain/wizard";

const STATE_TEXT = { done: "klaar", current: "huidige stap", todo: "nog te doen" } as const;

function Steps({ steps }: { steps: WizardStepWithState[] }) {
  return (
    <ol>
      {steps.map((step, index) => {
        const content = (
          <>
            <span className="step-list__marker" aria-hidden="true">
              {step.state === "done" ? "✓" : index + 1}
            </span>
            <span>
              {step.label}
              <span className="visually-hidden"> ({STATE_TEXT[step.state]})</span>
            </span>
          </>
        );
        return (
          <li key={step.key} className={`step-list__item step-list__item--${step.state}`}>
            {step.state === "done" ? (
              <Link to={step.path}>{content}</Link>
            ) : (
              <span aria-current={step.state === "current" ? "step" : undefined}>{content}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The progress list: every step with its state in words, not only in colour or a tick.
 * On a phone the eight steps would fill the first screen, so there it is folded into
 * "Stap 3 van 8: Bedrijf" (a details element, which opens without JavaScript too);
 * CSS shows either the folded or the open list, so a screen reader meets one.
 */
export function StepList({ steps }: { steps: WizardStepWithState[] }) {
  const current = steps.findIndex((step) => step.state === "current");
  const summary = current >= 0 ? `Stap ${current + 1} van ${steps.length}: ${steps[current]!.label}` : "Stappen van de aanmelding";
  return (
    <nav aria-label="Stappen van de aanmelding" className="step-list">
      <details className="step-list__folded">
        <summary>{summary}</summary>
        <Steps steps={steps} />
      </details>
      <div className="step-list__open">
        <Steps steps={steps} />
      </div>
    </nav>
  );
}

type StepPageProps = {
  title: string;
  intro: ReactNode;
  children: ReactNode;
};

export function StepPage({ title, intro, children }: StepPageProps) {
  return (
    <section aria-labelledby="step-title" className="step-page">
      <h1 id="step-title">{title}</h1>
      <div className="step-page__intro">{intro}</div>
      {children}
    </section>
  );
}

/** "Vorige stap" goes back without saving; "Volgende stap" saves and moves on. */
export function StepActions({ previousPath, nextLabel = "Volgende stap" }: { previousPath: string | null; nextLabel?: string }) {
  return (
    <div className="form-actions form-actions--wizard">
      {previousPath ? (
        <Link to={previousPath} className="button button--secondary">
          ← Vorige stap
        </Link>
      ) : null}
      <button type="submit" name="intent" value="save">
        {nextLabel} →
      </button>
    </div>
  );
}

/** The manual's "Hallo Bert"; signing out is in the site header. */
export function Greeting({ firstName }: { firstName: string }) {
  return <p className="greeting">Hallo {firstName}</p>;
}
