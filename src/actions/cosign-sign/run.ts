import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import * as log from '../../core/log.js';
import { predicateFile } from '../../core/cosign/attestation.js';
import { Cosign, verifyArgs } from '../../core/cosign/cosign.js';
import type { KeySigning, SignerCheck } from '../../core/cosign/signing-method.js';
import { requireDigest } from '../../core/cosign/verification.js';
import { verifyCommand } from '../../core/cosign/verify-command.js';
import { RegistryClient } from '../../core/build/registry.js';
import { dockerConfigCredentials } from '../../core/build/registry-credentials.js';
import type { InstallOptions } from '../../core/installer.js';
import { PUBLIC_GOOD, signStatement, type TrustRootOptions } from '../../core/provenance/attest.js';
import { attachBundle, requireReferrersApi, verifyAttachedProvenance } from '../../core/provenance/referrers.js';
import type { ProvenancePolicy } from '../../core/provenance/verify.js';
import { admissionPolicies } from '../../core/provenance/admission.js';
import type { RunContext } from '../../core/run-context.js';
import type { ImageRef } from '../../core/image-ref.js';
import { provenanceStatement } from '../../core/provenance/slsa.js';
import { code, JobSummary } from '../../core/summary.js';
import {
  type CosignSignSettings,
  INPUTS,
  isVerifyOnly,
  OUTPUTS,
  type ProvenanceSettings,
  type VerifyOnlySettings,
} from './settings.js';
import { escapeForLog } from '../../core/workflow-commands.js';
import type { StepHost } from '../host.js';

export interface CosignSignResult {
  signatureRef: string;
  bundlePath: string;
  verifyCommand: string;
  /** The referrer manifest carrying the signed provenance, REPOSITORY@sha256:...; empty when none was attested. */
  provenanceRef: string;
  /** The id GitHub's artifact attestations API gave the provenance, with github-attestation; else empty. */
  githubAttestationId?: string;
}

/** What a test replaces: where cosign comes from, and the registry and Sigstore services the provenance uses. */
export interface CosignSignSeams {
  install?: InstallOptions;
  registry?: RegistryClient;
  /** Default: the public-good trust root, through TUF. */
  trust?: TrustRootOptions;
  /** Default: the job's OIDC token for audience sigstore. */
  identityToken?: () => Promise<string>;
  /** Milliseconds per GitHub retry wait unit; tests shrink it. */
  githubWaitUnitMs?: number;
}

/**
 * Installs cosign, signs the digest, attests what was asked, verifies the signature, sets the outputs; with
 * method verify-only, checks the digest's provenance and signs nothing.
 */
export async function cosignSign(
  settings: CosignSignSettings | VerifyOnlySettings,
  host: StepHost,
  seams: CosignSignSeams = {},
): Promise<CosignSignResult> {
  const registry = seams.registry ?? new RegistryClient({ credentials: dockerConfigCredentials() });
  if (isVerifyOnly(settings)) return verifyOnly(settings, registry, host, seams);
  const { setOutput, scratchFolder } = host;
  for (const warning of settings.warnings) log.warning(warning);
  if (settings.provenance.verify) await verifyProvenance(registry, settings.image, settings.provenance.verify, seams);
  // A registry that cannot take the provenance refuses it before anything is signed, not after.
  if (settings.provenance.attest && !settings.provenance.tagFallback) {
    await requireReferrersApi(registry, settings.image, settings.image.digest as string, INPUTS.provenanceTagFallback);
  }
  const cosign = await Cosign.install(settings.cosign, seams.install);
  const image = settings.image.toString();
  // Kept after the step: bundle-path points into it.
  const scratch = (await scratchFolder('cosign-sign-')).path;
  log.info(
    `Signing ${image} with cosign ${cosign.version} (${settings.signing.describe()}, ${settings.format.name} format)`,
  );

  const bundlePath = settings.format.writesBundleFile()
    ? path.join(scratch, `${(settings.image.digest as string).replace(':', '-')}.sigstore.json`)
    : '';
  const { signing, format, annotations } = settings;
  await cosign.sign({ image, signing, format, annotations, ...(bundlePath ? { bundleFile: bundlePath } : {}) });
  for (const source of settings.attestations) {
    log.info(escapeForLog(`Attesting ${source.file} (${source.description}) as --type ${source.type}`));
    await cosign.attest({
      image,
      signing,
      format,
      type: source.type,
      predicateFile: await predicateFile(source, scratch),
    });
  }

  const signer = await settings.signing.signerCheck((method) => derivePublicKey(cosign, method, scratch));
  if (settings.verify) {
    const signatures = await cosign.verify(verifyArgs(image, format, signer.args));
    requireDigest(signatures, settings.image.digest as string, image);
    log.info(`cosign verify accepted ${signatures.length} signature(s) of ${settings.image.digest}.`);
  }

  const { provenanceRef, githubAttestationId } = await attestProvenance(settings, registry, seams);
  const result = {
    signatureRef: format.signatureRef(settings.image),
    bundlePath,
    verifyCommand: verifyCommand(verifyArgs(image, format, signer.pasteArgs)),
    provenanceRef,
    githubAttestationId,
  };
  setOutput(OUTPUTS.signatureRef, result.signatureRef);
  setOutput(OUTPUTS.bundlePath, result.bundlePath);
  setOutput(OUTPUTS.verifyCommand, result.verifyCommand);
  if (result.provenanceRef) setOutput(OUTPUTS.provenanceRef, result.provenanceRef);
  if (result.githubAttestationId) setOutput(OUTPUTS.githubAttestationId, result.githubAttestationId);
  await summarize(settings, result, signer).write();
  return result;
}

async function verifyProvenance(
  registry: RegistryClient,
  image: ImageRef,
  policy: ProvenancePolicy,
  seams: CosignSignSeams,
): Promise<string> {
  const found = await verifyAttachedProvenance(registry, image, policy, seams.trust);
  log.info(escapeForLog(`Provenance verified: ${found.referrer}, built by ${found.predicate.runDetails.builder.id}`));
  return found.referrer;
}

async function verifyOnly(
  settings: VerifyOnlySettings,
  registry: RegistryClient,
  { setOutput, context }: StepHost,
  seams: CosignSignSeams,
): Promise<CosignSignResult> {
  const provenanceRef = await verifyProvenance(registry, settings.image, settings.policy, seams);
  const result = { signatureRef: '', bundlePath: '', verifyCommand: '', provenanceRef };
  for (const name of [OUTPUTS.signatureRef, OUTPUTS.bundlePath, OUTPUTS.verifyCommand]) setOutput(name, '');
  setOutput(OUTPUTS.provenanceRef, provenanceRef);
  const admission = admissionPolicyOf(settings, context);
  setOutput(OUTPUTS.admissionPolicy, admission);
  await new JobSummary()
    .heading('cosign-sign: provenance verified')
    .table(
      ['', ''],
      [
        ['Image', code(settings.image.toString())],
        ['Provenance', code(provenanceRef)],
        ['Builder', code(settings.policy.identity.source)],
        ['Source', `${settings.policy.repository} at a ref matching ${code(settings.policy.allowedRef.source)}`],
      ],
    )
    .details('Admission policy enforcing the same claims in the cluster (output admission-policy)', admission, 'yaml')
    .write();
  return result;
}

/**
 * The Kyverno ClusterPolicy and the policy-controller ClusterImagePolicy (one YAML file) that make the cluster check
 * what was just verified: this image repository, the same identity, repository and allowed refs.
 */
function admissionPolicyOf({ image, policy }: VerifyOnlySettings, context: RunContext): string {
  const repository = image.repository;
  const name = (repository.split('/').pop() as string)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return admissionPolicies({
    name: `${name || 'image'}-provenance`,
    images: [repository, `${repository}:*`, `${repository}@*`],
    identity: policy.identity.source,
    issuer: policy.issuer,
    // verify-provenance needs the run's repository, so verify-only settings exist only where it is known
    repository: context.repository as string,
    allowedRefs: policy.allowedRef.source,
    serverUrl: context.serverUrl,
  }).yaml;
}

/**
 * Signs the predicate for the digest with sigstore-js and attaches the bundle (and, with github-attestation, records
 * it with GitHub's artifact attestations API); the referrer, or '' when not asked.
 */
async function attestProvenance(
  settings: CosignSignSettings,
  registry: RegistryClient,
  seams: CosignSignSeams,
): Promise<{ provenanceRef: string; githubAttestationId?: string }> {
  const { attest, tagFallback, githubAttestation }: ProvenanceSettings = settings.provenance;
  if (!attest) return { provenanceRef: '' };
  const digest = settings.image.digest as string;
  const statement = provenanceStatement(settings.image.repository, digest, attest.predicate);
  const identityToken = seams.identityToken ?? (() => core.getIDToken('sigstore'));
  const bundle = await signStatement(
    statement,
    attest.signing.method === 'keyless'
      ? { ...PUBLIC_GOOD, ...attest.signing, identityToken }
      : { rekorUrl: PUBLIC_GOOD.rekorUrl, ...attest.signing },
  );
  const attached = await attachBundle(registry, settings.image, digest, bundle, {
    tagFallback,
    tagFallbackInput: INPUTS.provenanceTagFallback,
    annotations: { 'dev.sigstore.bundle.predicateType': statement.predicateType },
  });
  log.info(escapeForLog(`Provenance attached: ${attached.reference} (${attached.indexedBy})`));
  if (!githubAttestation) return { provenanceRef: attached.reference };
  const { createGitHubClient } = await import('../../core/github/client.js');
  const { recordAttestation } = await import('../../core/github/attestations.js');
  const client = createGitHubClient({
    token: githubAttestation.token,
    apiUrl: githubAttestation.apiUrl,
    waitUnitMs: seams.githubWaitUnitMs,
  });
  const id = await recordAttestation(client, githubAttestation.repository, bundle as object);
  log.info(`Provenance recorded with GitHub's artifact attestations API (id ${id}).`);
  return { provenanceRef: attached.reference, githubAttestationId: String(id) };
}

async function derivePublicKey(cosign: Cosign, method: KeySigning, scratch: string) {
  const file = path.join(scratch, 'cosign.pub');
  await cosign.writePublicKey(method, file);
  return { file, pem: await readFile(file, 'utf8') };
}

function summarize(settings: CosignSignSettings, result: CosignSignResult, signer: SignerCheck): JobSummary {
  const rows = [
    ['Signer', settings.signing.describe()],
    ['Signature', code(result.signatureRef)],
    ['Verified', settings.verify ? 'yes, right after signing' : 'no (verify: false)'],
    ...settings.attestations.map((source) => ['Attestation', `${code(source.file)} (${source.description})`]),
    ...(result.bundlePath ? [['Bundle', code(result.bundlePath)]] : []),
    ...(settings.provenance.verify ? [['Provenance checked', 'yes, before signing']] : []),
    ...(result.provenanceRef ? [['Provenance', code(result.provenanceRef)]] : []),
    ...(result.githubAttestationId ? [['GitHub attestation', `id ${result.githubAttestationId}`]] : []),
  ];
  const summary = new JobSummary()
    .heading(`cosign-sign: ${settings.image}`)
    .table(['What', 'Result'], rows)
    .details('Verify it yourself', result.verifyCommand, 'sh');
  if (signer.publicKeyPem)
    summary.details('cosign.pub (the public key the command above names)', signer.publicKeyPem.trim());
  return summary;
}
