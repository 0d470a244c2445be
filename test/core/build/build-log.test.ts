/**
 * The log readers on output recorded from the test bed's Docker 20.10 (the integration tests read live output too).
 */
import { describe, expect, it } from '@jest/globals';
import { buildKitLog, classicLog } from '../../../src/core/build/build-log.js';

const BUILDKIT_FAILED = `#1 [internal] load build definition from Dockerfile.fail
#1 sha256:9aa1de2193e24d73c9d085242f9641c37fe31f9da51ec3ae84d963da2f2597df
#1 transferring dockerfile: 211B done
#1 DONE 0.0s

#3 [internal] load metadata for docker.io/local/busybox:1
#3 sha256:082798addb296dae48645bdd419a1755afe99488bc1b900981c60018c7fd5d45
#3 DONE 0.0s

#4 [build 1/2] FROM docker.io/local/busybox:1
#4 sha256:01e1341586a17b4d557fd8dbbd34d9ff54e769d882dc7bd62427c4ab92a80473
#4 CACHED

#5 [build 2/2] RUN echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3
#5 sha256:e6fb169500196b4bdbde709cfd529218036b30ba23ba3f622597988aad70f105
#5 0.042 compiling
#5 0.042 error: missing semicolon at main.c:3
#5 ERROR: executor failed running [/bin/sh -c echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3]: exit code: 3
------
 > [build 2/2] RUN echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3:
------
executor failed running [/bin/sh -c echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3]: exit code: 3
`;

const BUILDKIT_WARM = `#4 [build 1/2] FROM docker.io/local/busybox:1
#4 sha256:01e1341586a17b4d557fd8dbbd34d9ff54e769d882dc7bd62427c4ab92a80473
#4 DONE 0.0s

#5 [build 2/2] RUN --mount=type=secret,id=token test -s /run/secrets/token && echo "hi" > /out.txt
#5 sha256:867ad73ce9e7bbfb485f8be4ccf4c0163f2324dcae6d0c59ef25724600b1ab00
#5 CACHED

#6 [final 2/2] COPY --from=build /out.txt /out.txt
#6 sha256:9a36db3f8472a7f193a68cef2a6c48eb3ea2678e3e9334118c9b8f91449e1c3b
#6 CACHED

#7 exporting to image
#7 sha256:e8c613e07b0b7ff33893b694f7759a10d42e180f2b4dc349fb57dc6b71dcab00
#7 exporting layers done
#7 writing image sha256:4e66378213097a21a519a7edb6ad03882b25278dfafb3d55e41a27b398bf10d1 done
#7 naming to 127.0.0.1:40399/bm/x:1 done
#7 DONE 0.0s
`;

const CLASSIC_FAILED_STDOUT =
  'Sending build context to Docker daemon  10.75kB\r\r\n' +
  'Step 1/4 : FROM local/busybox:1 AS build\n' +
  ' ---> 8d60ffa986fb\n' +
  'Step 2/4 : RUN echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3\n' +
  ' ---> Running in 5fd736c14f55\n' +
  'compiling\n' +
  '\x1b[91merror: missing semicolon at main.c:3\n' +
  '\x1b[0m\n';
const CLASSIC_FAILED_STDERR = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

The command '/bin/sh -c echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3' returned a non-zero code: 3
`;

const CLASSIC_WARM = `Step 1/6 : FROM local/busybox:1 AS build
 ---> 8d60ffa986fb
Step 2/6 : ARG GREETING=hi
 ---> Using cache
 ---> 1b1f6849b3ea
Step 3/6 : RUN echo "$GREETING" > /out.txt
 ---> Using cache
 ---> 17f1f04bc0aa
Step 4/6 : FROM local/busybox:1 AS final
 ---> 8d60ffa986fb
Step 5/6 : COPY --from=build /out.txt /out.txt
 ---> e95e8a8d3787
Step 6/6 : USER 65534
 ---> Running in 8fd68fd38e2e
Removing intermediate container 8fd68fd38e2e
 ---> 27519875a028
Successfully built 27519875a028
`;

describe('BuildKit plain progress', () => {
  it('names the failing step with its output and the error', () => {
    expect(buildKitLog.failure({ stdout: '', stderr: BUILDKIT_FAILED })).toEqual({
      step: '[build 2/2] RUN echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3',
      lines: [
        'compiling',
        'error: missing semicolon at main.c:3',
        'ERROR: executor failed running [/bin/sh -c echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3]: exit code: 3',
      ],
    });
  });

  it('counts steps other than FROM, and the cached ones', () => {
    expect(buildKitLog.steps({ stdout: '', stderr: BUILDKIT_WARM })).toEqual({ total: 2, cached: 2 });
    expect(buildKitLog.steps({ stdout: '', stderr: BUILDKIT_FAILED })).toEqual({ total: 1, cached: 0 });
  });

  it('falls back to the last lines when no step failed (a Dockerfile syntax error)', () => {
    const failure = buildKitLog.failure({
      stdout: '',
      stderr:
        'failed to solve with frontend dockerfile.v0: failed to create LLB definition: unknown instruction: RUNN\n',
    });
    expect(failure).toEqual({
      step: 'before any step ran',
      lines: [
        'failed to solve with frontend dockerfile.v0: failed to create LLB definition: unknown instruction: RUNN',
      ],
    });
  });
});

describe('the classic builder', () => {
  it('names the failing step with its output and the error, without colours or the deprecation notice', () => {
    expect(classicLog.failure({ stdout: CLASSIC_FAILED_STDOUT, stderr: CLASSIC_FAILED_STDERR })).toEqual({
      step: 'Step 2/4 : RUN echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3',
      lines: [
        'compiling',
        'error: missing semicolon at main.c:3',
        `The command '/bin/sh -c echo compiling && echo "error: missing semicolon at main.c:3" >&2 && exit 3' returned a non-zero code: 3`,
      ],
    });
  });

  it('counts every step but FROM, and those that used the cache', () => {
    expect(classicLog.steps({ stdout: CLASSIC_WARM, stderr: '' })).toEqual({ total: 4, cached: 2 });
  });
});
