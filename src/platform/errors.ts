// Domain errors thrown by services; one server extension maps them to HTTP so services never
// import @hapi/*. Messages are sentences a social worker can act on and never name a child.
export class DomainError extends Error {
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFound extends DomainError {}
export class Conflict extends DomainError {}
export class Forbidden extends DomainError {}
export class Unauthorized extends DomainError {}
export class Invalid extends DomainError {}
export class TooManyRequests extends DomainError {}
/** Existed, but no longer answers: an expired link, or one whose episode has closed (410). */
export class Gone extends DomainError {}
/** Well-formed, but the records it would produce break a rule (a return that would fail validation). */
export class Unprocessable extends DomainError {}

/** A read of a child's record whose audit line could not be written: nothing was shown (503). */
export class AuditUnavailable extends DomainError {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A 400 that names each field, in the same shape as the Joi validation errors at the edge. */
export function invalidFields(problems: FieldProblem[]): Invalid {
  return new Invalid(`Please correct the request: ${problems.map((p) => p.message).join('; ')}.`, { errors: problems });
}
