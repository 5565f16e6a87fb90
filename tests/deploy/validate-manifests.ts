/**
 * Validates deploy/k8s offline: every object against the Kubernetes API schemas (kubernetes-models,
 * the JSON schemas of the API's OpenAPI document), then the rules this deployment promises
 * (README, "Deploying"). Run by npm run test:deploy; no cluster needed.
 *
 * kubernetes-models checks types, required fields and enums, not unknown fields: every field a
 * rule below names is read by its exact name, so a typo there fails a rule instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../../deploy/k8s');
const problems: string[] = [];
const check = (ok: unknown, message: string) => {
  if (!ok) problems.push(message);
};

const models = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1 Ingress': Ingress,
} as const;
type Key = keyof typeof models;

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [field: string]: unknown;
}

// The files kustomize applies, in its order.
const kustomization = parseAllDocuments(
  readFileSync(join(dir, 'kustomization.yaml'), 'utf8'),
)[0]?.toJS() as { namespace?: string; resources?: string[] };
check(kustomization.namespace === 'sock-shop', 'kustomization: namespace must be sock-shop');
const objects: Manifest[] = [];
for (const file of kustomization.resources ?? []) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    if (doc.errors.length > 0) problems.push(`${file}: ${doc.errors.map(String).join('; ')}`);
    const object = doc.toJS() as Manifest | null;
    if (!object) continue;
    const key = `${object.apiVersion} ${object.kind}`;
    const Model = models[key as Key];
    if (!Model) {
      problems.push(`${file}: ${key} is not one of the expected kinds`);
      continue;
    }
    try {
      new Model(object as never).validate();
    } catch (error) {
      problems.push(`${file} (${key} ${object.metadata?.name}): ${String(error)}`);
    }
    check(object.metadata?.namespace === 'sock-shop', `${file}: namespace must be sock-shop`);
    objects.push(object);
  }
}

function one<K extends Key>(key: K): InstanceType<(typeof models)[K]> {
  const found = objects.filter((object) => `${object.apiVersion} ${object.kind}` === key);
  check(found.length === 1, `exactly one ${key} expected, found ${found.length}`);
  return new models[key](found[0] as never) as InstanceType<(typeof models)[K]>;
}

const deployment = one('apps/v1 Deployment');
const service = one('v1 Service');
const hpa = one('autoscaling/v2 HorizontalPodAutoscaler');
const pdb = one('policy/v1 PodDisruptionBudget');
const ingress = one('networking.k8s.io/v1 Ingress');

const spec = deployment.spec;
const pod = spec?.template.spec;
const container = pod?.containers[0];
const podLabels = spec?.template.metadata?.labels ?? {};
const matches = (selector: Record<string, string> | undefined) =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([name, value]) => podLabels[name] === value);

// Deployment: replicas, probes, resources, non-root, read-only root with a writable emptyDir.
check((spec?.replicas ?? 1) >= 2, 'Deployment: at least 2 replicas');
check(matches(spec?.selector.matchLabels), 'Deployment: selector must match the pod labels');
check(pod?.containers.length === 1, 'Deployment: one container');
const port = container?.ports?.find((p) => p.name === 'http');
check(port?.containerPort === 8080, 'Deployment: port "http" is 8080 (LISTEN_PORT)');
const env = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value]));
check(env.API_UPSTREAM === 'http://front-end', 'Deployment: API_UPSTREAM=http://front-end');
check(env.LISTEN_PORT === String(port?.containerPort), 'Deployment: LISTEN_PORT = container port');
for (const probe of ['readinessProbe', 'livenessProbe'] as const) {
  const get = container?.[probe]?.httpGet;
  check(
    get?.path === '/healthz' && get.port === 'http',
    `Deployment: ${probe} GET /healthz on http`,
  );
}
for (const kind of ['requests', 'limits'] as const) {
  check(container?.resources?.[kind]?.cpu, `Deployment: cpu ${kind}`);
  check(container?.resources?.[kind]?.memory, `Deployment: memory ${kind}`);
}
check(pod?.securityContext?.runAsNonRoot === true, 'Deployment: pod runAsNonRoot');
check((pod?.securityContext?.runAsUser ?? 0) > 0, 'Deployment: pod runAsUser non-zero');
const security = container?.securityContext;
check(security?.readOnlyRootFilesystem === true, 'Deployment: readOnlyRootFilesystem');
check(security?.allowPrivilegeEscalation === false, 'Deployment: no privilege escalation');
check(security?.capabilities?.drop?.includes('ALL'), 'Deployment: all capabilities dropped');
const tmp = container?.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
const tmpVolume = pod?.volumes?.find((volume) => volume.name === tmp?.name);
check(tmpVolume?.emptyDir, 'Deployment: /tmp (nginx RUNTIME_DIR) is an emptyDir');
const ops = pod?.volumes?.find((volume) => volume.secret?.secretName === 'storefront-ops-htpasswd');
check(ops?.secret?.optional === true, 'Deployment: the ops htpasswd Secret is optional');
check(
  container?.volumeMounts?.some(
    (m) => m.name === ops?.name && m.mountPath === '/etc/storefront/ops',
  ),
  'Deployment: the ops Secret is mounted at /etc/storefront/ops (OPS_HTPASSWD)',
);

// Service, HPA, PDB and Ingress point at this Deployment.
check(matches(service.spec?.selector), 'Service: selector must match the pod labels');
check(
  service.spec?.ports?.some((p) => p.name === 'http' && p.port === 80 && p.targetPort === 'http'),
  'Service: port 80 -> http',
);
const target = hpa.spec?.scaleTargetRef;
check(
  target?.kind === 'Deployment' && target.name === deployment.metadata?.name,
  'HPA: targets the Deployment',
);
check((hpa.spec?.minReplicas ?? 1) >= 2, 'HPA: minReplicas >= 2');
check((hpa.spec?.maxReplicas ?? 0) > (hpa.spec?.minReplicas ?? 1), 'HPA: room to scale');
check(
  hpa.spec?.metrics?.some((m) => m.resource?.name === 'cpu'),
  'HPA: scales on CPU (needs the cpu request)',
);
check(matches(pdb.spec?.selector?.matchLabels), 'PDB: selector must match the pod labels');
check(
  pdb.spec?.minAvailable !== undefined &&
    Number(pdb.spec.minAvailable) < (hpa.spec?.minReplicas ?? 0),
  'PDB: minAvailable below the minimum replicas, so drains can proceed',
);
const backend = ingress.spec?.rules?.[0]?.http?.paths.find((p) => p.path === '/')?.backend.service;
check(
  backend?.name === service.metadata?.name && backend?.port?.name === 'http',
  'Ingress: path / goes to the storefront Service',
);

if (problems.length > 0) {
  console.error(problems.map((problem) => `✗ ${problem}`).join('\n'));
  process.exit(1);
}
console.log(
  `✓ ${objects.length} objects in ${dir} valid against the Kubernetes schemas and the deployment rules`,
);
