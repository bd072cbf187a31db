// やさしい日本語 (issue 17): the easy dictionary, its lookup and its furigana markup; browser-safe like ja.ts.
export { easy, type EasyOf } from "./easy";
export { easyVersion } from "./easy-version";
export { parseRuby, rubyToKana, type RubySegment } from "./ruby";
