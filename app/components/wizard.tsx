import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { WizardStepWithState } from "~/domain/wizard";

const STATE_TEXT = { done: "klaar", current: "huidige stap", todo: "nog te doen" } as const;

/** The progress list: every step with its state in words, not only in colour or a tick. */
export function StepList({ steps }: { steps: WizardStepWithState[] }) {
  return (
    <nav aria-label="Stappen van de aanmelding" className="step-list">
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
