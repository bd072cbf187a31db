export { checklistAnswers, checklistItems, CHECKLIST_NOTE_MAX, type Checklist, type ChecklistAnswer, type ChecklistItem } from "./checklist";
