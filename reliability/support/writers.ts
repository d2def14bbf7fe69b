import { setTimeout as pause } from 'node:timers/promises';
import { project } from '@kjj/domain';
import type { Api } from './client.js';
import { importFile, MARK, nextSerial, nextUscc, type Ledger } from './ledger.js';

/** A writer runs one kind of write in a loop until its server stops answering. */
export type Writer = (api: Api, ledger: Ledger, running: () => boolean) => Promise<void>;

/** Runs `step` until the harness stops the load or the server goes away (a refused or reset call). */
async function loop(running: () => boolean, step: () => Promise<void>): Promise<void> {
  while (running()) {
    try {
      await step();
    } catch {
      return;
    }
  }
}

export const createEnterprises: Writer = (api, ledger, running) =>
  loop(running, async () => {
    const name = `${MARK}新建${nextSerial()}有限公司`;
    const res = await api.post('/api/v1/enterprises', { name, uscc: nextUscc(), kind: 'llc' });
    if (res.status === 201) {
      ledger.created.set(res.body.id, name);
      ledger.ack(`enterprise:${res.body.id}`, res.body.version, res.body.address ?? '');
    }
  });

/** Updates enterprises this run created, each write carrying the version it read. */
export const updateEnterprises: Writer = (api, ledger, running) =>
  loop(running, async () => {
    const ids = [...ledger.created.keys()];
    if (ids.length === 0) {
      await pause(20); // nothing created yet
      return;
    }
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const current = await api.get(`/api/v1/enterprises/${id}`);
    if (current.status !== 200) return;
    const address = `辰溪县辰阳镇可靠路${nextSerial()}号`;
    const res = await api.patch(`/api/v1/enterprises/${id}`, { version: current.body.version, address });
    if (res.status === 200) ledger.ack(`enterprise:${id}`, res.body.version, address);
  });

/** Projects sent back and forth between 已申报 and 退回修改: every step a state-machine transition. */
export const moveProjects: Writer = (api, ledger, running) =>
  loop(running, async () => {
    const created = await api.post('/api/v1/projects', {
      ...project.sample,
      name: `${MARK}项目${nextSerial()}`,
    });
    if (created.status !== 201) return;
    const id = created.body.id as number;
    let { version, status } = created.body as { version: number; status: string };
    ledger.ack(`project:${id}`, version, status);
    for (let step = 0; step < 6 && running(); step++) {
      const action = status === 'submitted' ? 'formalReturn' : 'submit';
      const input = action === 'formalReturn' ? { reason: '材料不全，请补充' } : {};
      const res = await api.post(`/api/v1/projects/${id}/actions/${action}`, { version, ...input });
      if (res.status !== 200) return;
      ({ version, status } = res.body);
      ledger.ack(`project:${id}`, version, status);
    }
  });

export const importEnterprises: Writer = (api, ledger, running) =>
  loop(running, async () => {
    const prefix = `${MARK}导入${nextSerial()}批`;
    const rows = 20;
    const form = new FormData();
    form.append('file', await importFile(prefix, rows), 'reliability.xlsx');
    ledger.sentImports.push({ prefix, rows });
    const res = await api.send('POST', '/api/v1/enterprises/import', form);
    if (res.status === 202) {
      ledger.imports.push({ jobId: res.body.jobId, prefix, rows });
      ledger.acknowledged += 1;
    }
    await pause(100);
  });
