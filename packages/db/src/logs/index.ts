export * from "./exportFile";
export * from "./exportRecords";
export * from "./exportStore";
export * from "./filter";
export * from "./insert";
export * from "./partitions";
export * from "./search";
export * from "./transport";
