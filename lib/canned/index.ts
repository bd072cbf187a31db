export { cannedInputSchema, type CannedInput } from "./canned-input";
export { listCannedResponses } from "./list-canned-responses";
export { saveCannedResponse } from "./save-canned-response";
export { seedExampleCannedResponses } from "./seed-example-canned-responses";
