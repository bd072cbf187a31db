export {
  buildDefaultRichMenu,
  DEFAULT_RICH_MENU_NAME,
  DEFAULT_RICH_MENU_PREFIX,
  DEFAULT_RICH_MENU_SIZE,
  DEFAULT_RICH_MENU_VERSION,
} from "./definition";
export { readPngSize } from "./png";
export {
  MAX_RICH_MENU_IMAGE_BYTES,
  RichMenuSetupError,
  setupDefaultRichMenu,
  type RichMenuSetupReport,
  type SetupDefaultRichMenuInput,
} from "./setup-default-rich-menu";
