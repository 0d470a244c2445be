// The registry client's import path; the request policy itself (timeout, size cap, proxy) lives in core/http.
export {
  httpRequest,
  type HttpRequestInit,
  type HttpResponse,
  HttpAnswerError,
  HttpTimeoutError,
} from '../http/request.js';
