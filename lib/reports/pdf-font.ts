import path from "node:path";
import { Font } from "@react-pdf/renderer";

/*
 * BIZ UDPGothic (SIL Open Font License 1.1, from @expo-google-fonts/biz-udpgothic, which npm ci
 * installs): a complete Japanese TrueType font (@react-pdf cannot use the unicode-range split web
 * fonts most packages ship), designed by Morisawa for legible public documents. Resolved from the
 * working directory, like the migrations, because bundlers rewrite module-relative paths.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "biz-udpgothic");
export const FAMILY = "BIZ UDPGothic";

let fontsRegistered = false;
export function registerFonts(): void {
  if (fontsRegistered) return;
  Font.register({
    family: FAMILY,
    fonts: [
      { src: path.join(FONT_DIR, "400Regular", "BIZUDPGothic_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "700Bold", "BIZUDPGothic_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Japanese has no spaces: let a line break between any two characters, never with a hyphen.
  Font.registerHyphenationCallback((word) => (/[^\u0000-\u00ff]/.test(word) ? [...word].flatMap((ch) => [ch, ""]) : [word]));
  fontsRegistered = true;
}
