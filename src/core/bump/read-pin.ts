import { UserError } from '../errors.js';
import type { ImageRef } from '../image-ref.js';
import type { InputReader } from '../inputs.js';
import { type Pin, PINS } from './types.js';

/** The pin defaults to what the image carries, and must not ask for a part it lacks. `names` are the inputs' names. */
export function readPin(inputs: InputReader, image: ImageRef, names: { pin: string; image: string }): Pin {
  const carried: Pin = image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag';
  const pin = inputs.choice(names.pin, PINS, carried);
  if (!image.tag && !image.digest) {
    throw new UserError(`Input "${names.image}" must carry a tag or a digest, e.g. ${image.spelledName}:1.2.3.`);
  }
  if (pin.includes('tag') && !image.tag) {
    throw new UserError(`pin "${pin}" needs a tag, but image "${image}" has none: add ":<tag>" or use pin: digest.`);
  }
  if (pin.includes('digest') && !image.digest) {
    throw new UserError(
      `pin "${pin}" needs a digest, but image "${image}" has none: add "@sha256:..." or use pin: tag.`,
    );
  }
  return pin;
}
