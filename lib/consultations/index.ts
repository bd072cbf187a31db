export { hideUnsentMessage } from "./hide-unsent-message";
export { listConsultationMessages } from "./list-consultation-messages";
export { findOpenConsultation, openConsultation, type Channel, type Consultation } from "./open-consultation";
export { receiveYouthMessage, type YouthMessage } from "./receive-youth-message";
