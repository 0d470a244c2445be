// A stand-in for the cosign CLI, first on PATH in tests (cosign cannot sign or verify here: no Fulcio, Rekor or
// OIDC). It records each call's argv and the NAMES of its environment variables (never their values) as one JSON
// line in $COSIGN_DOUBLE_LOG, and answers with real cosign output from test/fixtures/cosign/:
//   version     the layout of `cosign version` as published for v3.0.4, with $COSIGN_DOUBLE_VERSION (default 3.0.6)
//   verify      a recorded `cosign verify` run, chosen by $COSIGN_DOUBLE_VERIFY: key | keyless | kms; the lines
//               before the JSON array go to stderr, the array to stdout, as cosign prints them
//   public-key  the recorded public key cosign-test.pub (to --outfile, or stdout)
//   sign        with --bundle FILE, writes a recorded Sigstore bundle there
//   attest      nothing
// $COSIGN_DOUBLE_FAIL=<subcommand> makes that subcommand exit 1.
// $COSIGN_DOUBLE_SIGNED_DIGEST=argv: for chains that sign a freshly built image, the recorded verify output's
// docker-manifest-digest is replaced by the digest of the image verified (the one field that names the image).
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../../fixtures/cosign/', import.meta.url));
const VERIFY_OUTPUTS = {
  key: 'verify/cosign-verify-key.stderr+stdout.txt',
  keyless: 'verify/cosign-verify-keyless.stdout+stderr.txt',
  kms: 'verify/cosign-verify-kms-key.stdout+stderr.txt',
};

const argv = process.argv.slice(2);
const command = argv[0] ?? '';
if (process.env.COSIGN_DOUBLE_LOG) {
  const call = { argv, envNames: Object.keys(process.env).sort() };
  appendFileSync(process.env.COSIGN_DOUBLE_LOG, `${JSON.stringify(call)}\n`);
}

if (process.env.COSIGN_DOUBLE_FAIL === command) {
  process.stderr.write(`cosign double: "${command}" fails because COSIGN_DOUBLE_FAIL=${command}\n`);
  process.exit(1);
}

const flag = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};

switch (command) {
  case 'version':
    process.stdout.write(
      'cosign: A tool for Container Signing, Verification and Storage in an OCI registry.\n\n' +
        `GitVersion:    v${process.env.COSIGN_DOUBLE_VERSION ?? '3.0.6'}\n` +
        'GitCommit:     6832fba4928c1ad69400235bbc41212de5006176\nGoVersion:     go1.25.5\n',
    );
    break;
  case 'verify': {
    const recorded = readFileSync(
      path.join(fixtures, VERIFY_OUTPUTS[process.env.COSIGN_DOUBLE_VERIFY ?? 'key']),
      'utf8',
    );
    const json = recorded.search(/^\[/m);
    const verified = argv.at(-1)?.split('@')[1];
    const answer =
      process.env.COSIGN_DOUBLE_SIGNED_DIGEST === 'argv' && verified
        ? recorded.replace(/("docker-manifest-digest":\s*")sha256:[0-9a-f]{64}/g, `$1${verified}`)
        : recorded;
    process.stderr.write(answer.slice(0, json));
    process.stdout.write(answer.slice(json));
    break;
  }
  case 'public-key': {
    const source = path.join(fixtures, 'keys/cosign-test.pub');
    const outfile = flag('--outfile');
    if (outfile) copyFileSync(source, outfile);
    else process.stdout.write(readFileSync(source));
    break;
  }
  case 'sign': {
    const bundle = flag('--bundle');
    if (bundle) copyFileSync(path.join(fixtures, 'bundle/cosign-oci-attestation.sigstore.json'), bundle);
    break;
  }
  case 'attest':
    break;
  default:
    process.stderr.write(`cosign double: no recorded output for "${command}"\n`);
    process.exit(1);
}
