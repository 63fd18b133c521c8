export { type FileStore, fileStoreFor } from "./fileStore";
