import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { API_ROUTES } from "./routes";

let built: OpenApiDocument | undefined;

/** The document of every route in API_ROUTES, built once per process. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument(API_ROUTES);
  return built;
}
