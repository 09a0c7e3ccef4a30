/** Onboarding: the guided introduction to a group, its glossary and the welcome for new members. */
export {
  buildBaseIntroduction,
  buildIntroduction,
  type IntroductionOptions,
  personaliseIntroduction,
} from "./build-introduction.ts";
export { type CalendarUpcomingOptions, calendarUpcoming } from "./calendar-upcoming.ts";
export { type DetectedRole, detectRole, findGroup, roleOf } from "./detect-role.ts";
export { type AcronymExplanation, explainAcronym, type Glossary, glossary } from "./glossary.ts";
export { type GlossaryCommandContext, glossaryCommandText } from "./glossary-command.ts";
export type * from "./introduction.ts";
export { ROLES } from "./introduction.ts";
export { IntroductionCache } from "./introduction-cache.ts";
export { introductionPanel, introductionPanelProvider } from "./introduction-panel.ts";
export type { OnboardingCore } from "./onboarding-core.ts";
export { renderGlossaryText } from "./render-glossary-text.ts";
export { renderIntroductionText } from "./render-introduction-text.ts";
export {
  type ResolvedIntroductionRequest,
  resolveIntroductionRequest,
} from "./resolve-introduction-request.ts";
export { type WelcomeOptions, welcomeEnabled, welcomeText } from "./welcome.ts";
