export { composeAutoReply } from "./compose-auto-reply";
export { type AutoReplyDecision } from "./decide-auto-reply";
export { listAutoReplyTemplates, type AutoReplyTemplate } from "./list-auto-reply-templates";
export { previewAutoReply } from "./preview-auto-reply";
export { saveAutoReplyTemplate } from "./save-auto-reply-template";
export { autoReplyKindSchema, fillTemplate, templateBodySchema, templateBodySchemaFor, templateVariables, TEMPLATE_MAX_LENGTH, type AutoReplyKind, type TemplateVariable } from "./templates";
export { sendClosingNotices, type ClosingPolicy } from "./send-closing-notices";
