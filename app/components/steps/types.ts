import type { formState } from "../form";

/** What a step's form is rendered with: the saved values, or the posted ones with their errors. */
export type StepFormState = ReturnType<typeof formState>;
