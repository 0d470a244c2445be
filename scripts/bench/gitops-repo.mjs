// Generates a GitOps repository of APPS apps x 3 environments mixing kustomize, Helm values and plain workloads.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'];

export function imageOf(app) {
  return `registry.example.com/team/app-${String(app).padStart(4, '0')}`;
}

export function generateRepo(root, apps) {
  let files = 0;
  const write = (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files++;
  };
  for (let app = 0; app < apps; app++) {
    const name = `app-${String(app).padStart(4, '0')}`;
    const image = imageOf(app);
    write(path.join(root, 'apps', name, 'base', 'deployment.yaml'), deployment(name, `${image}:1.0.0`));
    for (const env of ENVIRONMENTS) {
      const dir = path.join(root, 'apps', name, env);
      if (app % 3 === 0) write(path.join(dir, 'kustomization.yaml'), kustomization(image));
      else if (app % 3 === 1) write(path.join(dir, 'values.yaml'), values(image, env));
      else write(path.join(dir, 'deployment.yaml'), deployment(`${name}-${env}`, `${image}:1.0.0`));
    }
  }
  return files;
}

function deployment(name, image) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app # main container
          image: ${image}
          ports:
            - containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 64Mi }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
`;
}

function kustomization(image) {
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base
images:
  - name: ${image}
    newTag: 1.0.0 # set by CI
labels:
  - pairs:
      team: platform
`;
}

function values(image, env) {
  const [registry, ...rest] = image.split('/');
  return `# Helm values for ${env}
replicaCount: ${env === 'prod' ? 3 : 1}
image:
  registry: ${registry}
  repository: ${rest.join('/')}
  tag: "1.0.0"
  pullPolicy: IfNotPresent
service:
  type: ClusterIP
  port: 80
`;
}
