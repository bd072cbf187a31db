export { ensureYouth, type Youth } from "./ensure-youth";
export { setYouthFollowing } from "./set-youth-following";
