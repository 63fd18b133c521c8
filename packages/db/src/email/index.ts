export * from "./campaigns";
export * from "./health";
export * from "./integrations";
export * from "./messages";
export * from "./messageSearch";
export * from "./reputation";
export * from "./suppressions";
