export { ensureYouth, type Youth } from "./ensure-youth";
export { createPseudonym } from "./pseudonym";
export { setYouthFollowing } from "./set-youth-following";
