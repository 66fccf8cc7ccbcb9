/**
 * Why a photo could not be decoded. Every failure inside the comparison is one of these,
 * so callers can turn it into the "could not check" verdict without guessing.
 */
export type PhotoDecodeFailure =
  | 'empty'
  | 'unsupported-format'
  | 'corrupt'
  | 'too-many-bytes'
  | 'too-many-pixels';

export class PhotoDecodeError extends Error {
  public readonly failure: PhotoDecodeFailure;
  /** Which of the two compared photos failed, when known. */
  public readonly side?: 'exchange' | 'sharePoint';
  public readonly detail?: string;

  public constructor(failure: PhotoDecodeFailure, detail?: string, side?: 'exchange' | 'sharePoint') {
    super(detail ? `${failure}: ${detail}` : failure);
    this.name = 'PhotoDecodeError';
    this.failure = failure;
    this.side = side;
    this.detail = detail;
    // Keep instanceof working when compiled to ES5.
    Object.setPrototypeOf(this, PhotoDecodeError.prototype);
  }
}

export function isPhotoDecodeError(e: unknown): e is PhotoDecodeError {
  return e instanceof PhotoDecodeError;
}

/** The same error, marked with the side it came from. */
export function onSide(e: unknown, side: 'exchange' | 'sharePoint'): unknown {
  return e instanceof PhotoDecodeError ? new PhotoDecodeError(e.failure, e.detail, side) : e;
}
