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

  public constructor(failure: PhotoDecodeFailure, detail?: string) {
    super(detail ? `${failure}: ${detail}` : failure);
    this.name = 'PhotoDecodeError';
    this.failure = failure;
    // Keep instanceof working when compiled to ES5.
    Object.setPrototypeOf(this, PhotoDecodeError.prototype);
  }
}

export function isPhotoDecodeError(e: unknown): e is PhotoDecodeError {
  return e instanceof PhotoDecodeError;
}
