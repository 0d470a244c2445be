import { UserError } from '../errors.js';
import { ImageRef } from '../image-ref.js';
import type { InputReader } from '../inputs.js';
import { parseImageKeys } from './image-keys.js';
import { parseImagePolicy } from './image-policy.js';
import { type BumpTarget, type Pin, PINS } from './types.js';

/** The names of the inputs that say what a bump writes; bump-manifest and open-gitops-pr share them. */
export const BUMP_TARGET_INPUTS = {
  imageRef: 'image-ref',
  pin: 'pin',
  imagePolicy: 'image-policy',
  imageKeys: 'image-keys',
} as const;

/** What a bump writes, from the inputs: the image, its pin, and the Flux policy or key paths that scope it. */
export function readBumpTarget(inputs: InputReader): BumpTarget {
  const names = BUMP_TARGET_INPUTS;
  const image = ImageRef.parse(inputs.required(names.imageRef), names.imageRef);
  const policyText = inputs.optional(names.imagePolicy);
  const imageKeys = parseImageKeys(inputs.string(names.imageKeys), names.imageKeys);
  if (policyText && imageKeys.length > 0) {
    throw new UserError(
      `Inputs "${names.imagePolicy}" and "${names.imageKeys}" exclude each other: with a Flux policy, only the fields ` +
        'its setter markers name are written.',
    );
  }
  return {
    image,
    pin: readPin(inputs, image),
    ...(policyText ? { imagePolicy: parseImagePolicy(policyText, names.imagePolicy) } : {}),
    imageKeys,
  };
}

/** The pin defaults to what the image carries, and must not ask for a part it lacks. */
function readPin(inputs: InputReader, image: ImageRef): Pin {
  const names = BUMP_TARGET_INPUTS;
  const carried: Pin = image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag';
  const pin = inputs.choice(names.pin, PINS, carried);
  if (!image.tag && !image.digest) {
    throw new UserError(`Input "${names.imageRef}" must carry a tag or a digest, e.g. ${image.spelledName}:1.2.3.`);
  }
  if (pin.includes('tag') && !image.tag) {
    throw new UserError(
      `Input "${names.pin}": ${pin} needs a tag, but ${names.imageRef} "${image}" has none: add ":<tag>" or use ${names.pin}: digest.`,
    );
  }
  if (pin.includes('digest') && !image.digest) {
    throw new UserError(
      `Input "${names.pin}": ${pin} needs a digest, but ${names.imageRef} "${image}" has none: add "@sha256:..." or use ${names.pin}: tag.`,
    );
  }
  return pin;
}
