export { activeChoiceIds, choiceEnum, choiceFieldsOf, choiceLabel, formKinds, intakeDefinitionSchema, recordDefinitionSchema, recordOutcomes, type Choice, type ChoiceField, type DefinitionOf, type FormDefinition, type FormKind, type IntakeDefinition, type RecordDefinition } from "./definition";
export { describeIntake, type IntakeSummary } from "./describe-intake";
export { ensureFormVersions } from "./ensure-form-versions";
export { storedIntakeSchema, type StoredIntake } from "./intake-answers";
export { readsEasyJapanese } from "./reads-easy-japanese";
export { FormVersionNotFoundError, loadCurrentForm, loadFormVersion, type FormVersion } from "./load-form";
export { labelRecordChoices, type RecordLabels } from "./label-record-choices";
export { prefillRecordChoices } from "./prefill-record";
export { saveFormVersion, type FormFieldErrors, type SaveFormResult } from "./save-form-version";
