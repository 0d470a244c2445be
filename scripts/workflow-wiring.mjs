// How the reusable workflows wire this library's actions: for each step that runs one of the actions (by step id),
// the inputs the workflow sets itself, with why. Every other input of the action is a workflow input (or, for a
// secret, a workflow secret) under its vocabulary name; scripts/workflows.mjs writes those parts of the workflow files
// and test/repo/vocabulary.test.ts checks them.

const GITOPS_REPOSITORY = {
  with: '${{ inputs.gitops-repository || github.repository }}',
  reason: 'defaults to the caller',
};

const PUSHED_IMAGE = {
  with: '${{ needs.build.outputs.image-ref }}',
  reason: 'every job after the build takes the image by digest from the build job',
};

// The build, scan and sign jobs are the same in both workflows (test/workflows/delivery.test.ts keeps them so).
const SHARED_STEPS = {
  build: {
    action: 'build-multistage',
    fixed: { push: { with: 'true', reason: 'later jobs need the digest the registry serves' } },
  },
  scan: {
    action: 'trivy-scan',
    fixed: {
      'image-ref': PUSHED_IMAGE,
      'allow-tag': { with: 'false', reason: 'the scan reads the pushed digest' },
      'fail-build': {
        with: 'false',
        reason: 'the gate is enforced in a later step, after the SARIF upload, so that code scanning shows what failed',
      },
      'sarif-file': { with: 'trivy-results.sarif', reason: 'the job uploads it to code scanning (upload-sarif)' },
      'json-file': { with: '', reason: 'reports stay in the scan job; the SARIF goes to code scanning' },
      'sbom-file': { with: '', reason: 'reports stay in the scan job; attest them with the single actions' },
    },
  },
  sign: {
    action: 'cosign-sign',
    fixed: {
      'image-ref': PUSHED_IMAGE,
      attest: { with: 'none', reason: 'the scan reports stay in the scan job' },
      'public-key': {
        with: '${{ steps.public-key.outputs.path }}',
        reason: 'the workflow takes sign-public-key as PEM text and writes it to a file for cosign',
      },
      'certificate-identity': {
        with: "${{ inputs.sign-method != 'key' && format('{0}/{1}', github.server_url, job.workflow_ref) || '' }}",
        reason: 'a job of a reusable workflow signs as that workflow file, not as the caller',
      },
      'certificate-oidc-issuer': {
        with: 'https://token.actions.githubusercontent.com',
        reason: "GitHub Actions' OIDC issuer signs every keyless signature here",
      },
      annotations: {
        with: 'source-commit=${{ github.sha }}\nrun=${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}\n${{ inputs.sign-annotations }}',
        reason: 'the source commit and the run are always signed in; sign-annotations adds to them',
      },
      verify: { with: 'true', reason: 'nothing is handed off unless the signature verifies' },
      'verify-provenance': {
        with: 'false',
        reason:
          'this job attaches the provenance; the job that hands the image on verifies it (verify-provenance step)',
      },
      provenance: {
        with: '${{ needs.build.outputs.provenance }}',
        reason: "the build job's SLSA provenance predicate of the digest",
      },
      'github-attestation': {
        with: 'false',
        reason:
          'needs attestations: write, which a reusable workflow cannot ask of every caller; gh attestation verify --bundle-from-oci reads the registry',
      },
      'github-token': { with: "''", reason: 'github-attestation is off' },
      'attest-provenance': {
        with: "${{ inputs.sign-method != 'key' && needs.build.outputs.provenance != '' }}",
        reason:
          'the provenance is signed (keylessly, as this workflow) and attached whenever the build job recorded one',
      },
    },
    // workflow inputs that only feed a fixed value above, or the verify-provenance step of a later job
    extraInputs: ['annotations', 'verify-provenance'],
    // cosign-sign picks key when a key is given; the hand-off's verification reads sign-method, so it is explicit.
    // The provenance is verified unless the caller says otherwise.
    defaults: { method: 'keyless', 'verify-provenance': 'true' },
    descriptions: {
      'verify-provenance':
        'Before the image is handed on (the hand-off or apply job), verify the provenance the sign job attached: signed by provenance-identity, issued by GitHub Actions, for this digest, built from this repository at a ref provenance-allowed-refs matches. Keyless signing only.',
    },
  },
};

const NOT_FOR_VERIFYING = { with: "''", reason: 'verify-only signs nothing' };

/**
 * The first step of the job that hands the image on (deliver-pull's hand-off, deliver-push's apply): the digest must
 * carry the provenance this library's reusable workflow signed, for the caller's repository at an allowed ref.
 */
const VERIFY_PROVENANCE = {
  action: 'cosign-sign',
  fixed: {
    'image-ref': PUSHED_IMAGE,
    method: { with: 'verify-only', reason: 'this step checks the provenance and signs nothing' },
    'verify-provenance': { with: 'true', reason: 'the step runs only when sign-verify-provenance is true' },
    'certificate-oidc-issuer': {
      with: 'https://token.actions.githubusercontent.com',
      reason: "the provenance is signed keylessly through GitHub Actions' OIDC issuer",
    },
    'private-key': NOT_FOR_VERIFYING,
    'private-key-password': NOT_FOR_VERIFYING,
    'public-key': NOT_FOR_VERIFYING,
    annotations: NOT_FOR_VERIFYING,
    attest: { with: 'none', reason: 'verify-only signs nothing' },
    'signature-format': { with: 'bundle', reason: 'verify-only signs nothing' },
    'cosign-version': NOT_FOR_VERIFYING,
    'cosign-sha256': NOT_FOR_VERIFYING,
    verify: { with: 'false', reason: 'the signature is verified by the step after this one' },
    'certificate-identity': NOT_FOR_VERIFYING,
    provenance: NOT_FOR_VERIFYING,
    'attest-provenance': { with: 'false', reason: 'verify-only signs nothing' },
    'fulcio-url': NOT_FOR_VERIFYING,
    'rekor-url': NOT_FOR_VERIFYING,
    'github-attestation': { with: 'false', reason: 'verify-only signs nothing' },
    'github-token': NOT_FOR_VERIFYING,
  },
};

export const WORKFLOWS = {
  '.github/workflows/deliver-pull.yml': {
    ...SHARED_STEPS,
    'verify-provenance': VERIFY_PROVENANCE,
    'hand-off': {
      action: 'open-gitops-pr',
      fixed: {
        'image-ref': PUSHED_IMAGE,
        repository: GITOPS_REPOSITORY,
        revert: { with: "''", reason: 'the hand-off bumps; the wait job reverts it when revert-on-failure is true' },
        evidence: {
          with: 'Scan: ${{ needs.scan.outputs.counts }} (gate: ${{ inputs.scan-severity }})\nSignature: ${{ needs.sign.outputs.signature-ref }}\nVerify: ${{ needs.sign.outputs.verify-command }}\n${{ inputs.gitops-evidence }}',
          reason: 'what the scan and sign jobs proved is always shown; gitops-evidence adds to it',
        },
      },
      extraInputs: ['repository', 'evidence'],
    },
    wait: {
      action: 'wait-for-sync',
      optional: true,
      fixed: {
        repository: GITOPS_REPOSITORY,
        'image-ref': { ...PUSHED_IMAGE, reason: 'the wait ends when the pushed digest runs' },
        revision: {
          with: '${{ needs.hand-off.outputs.revision }}',
          reason: 'the commit the hand-off put on the base (published by push, or already there)',
        },
        'pull-request': {
          with: "${{ needs.hand-off.outputs.revision == '' && needs.hand-off.outputs.pull-request-number || '' }}",
          reason: "the hand-off's pull request, whose merge commit is awaited",
        },
      },
      extraInputs: ['repository'],
    },
    revert: {
      action: 'open-gitops-pr',
      optional: true,
      fixed: {
        repository: GITOPS_REPOSITORY,
        'image-ref': { ...PUSHED_IMAGE, reason: "names the change target: the revert updates the hand-off's branch" },
        revert: { with: '${{ steps.wait.outputs.revision }}', reason: 'the commit the agent ran and that failed' },
        evidence: {
          with: 'Rollout: ${{ steps.wait.outputs.status }}: ${{ steps.wait.outputs.message }}\n${{ inputs.gitops-evidence }}',
          reason: 'the reason for the revert is always shown',
        },
      },
    },
    'wait-revert': {
      action: 'wait-for-sync',
      optional: true,
      fixed: {
        repository: GITOPS_REPOSITORY,
        'image-ref': { with: "''", reason: 'the image the revert restores is whatever ran before' },
        revision: { with: '${{ steps.revert.outputs.revision }}', reason: 'the revert, once on the base' },
        'pull-request': {
          with: "${{ steps.revert.outputs.revision == '' && steps.revert.outputs.pull-request-number || '' }}",
          reason: "the revert's pull request, whose merge commit is awaited",
        },
      },
    },
  },
  '.github/workflows/deliver-push.yml': {
    ...SHARED_STEPS,
    'verify-provenance': VERIFY_PROVENANCE,
    apply: {
      action: 'kubectl-apply',
      fixed: {
        'image-refs': PUSHED_IMAGE,
        'working-directory': {
          with: '${{ github.workspace }}/manifests',
          reason: 'the job checks the GitOps repository out there',
        },
      },
    },
  },
};
