// What the browser may load from lib/autoreply: the template editor checks with the server's schema.
export { renderTemplate, TEMPLATE_MAX_LENGTH, templateBodySchema, templateVariables, type AutoReplyKind } from "./templates";
export { waitingSettingsSchema, type WaitingSettings } from "./waiting-settings";
