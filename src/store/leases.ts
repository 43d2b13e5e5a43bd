// LeaseStore: named job leases (digest/alert schedulers) shared by every worker on the database.
import type { StoreContext } from './context.js';

export interface JobLease {
  name: string;
  owner: string;
  until: number;
}

export interface LeaseStore {
  /** Takes the lease when free, expired or already ours (then renews it). true when held afterwards. */
  acquireLease(name: string, owner: string, now: number, ttlMs: number): Promise<boolean>;
  /** Extends the lease only while it is ours and unexpired (never re-takes one that lapsed). true when extended. */
  renewLease(name: string, owner: string, now: number, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;
  getLease(name: string): Promise<JobLease | undefined>;
}

export function leaseStore(ctx: StoreContext): LeaseStore {
  return {
    async acquireLease(name, owner, now, ttlMs) {
      const row = await ctx.run((d) =>
        d
          .insertInto('job_leases')
          .values({ name, owner, until: now + ttlMs })
          .onConflict((oc) =>
            oc
              .column('name')
              .doUpdateSet({ owner, until: now + ttlMs })
              .where((eb) => eb.or([eb('job_leases.until', '<=', now), eb('job_leases.owner', '=', owner)])),
          )
          .returning('owner')
          .executeTakeFirst(),
      );
      return row?.owner === owner;
    },
    async renewLease(name, owner, now, ttlMs) {
      const result = await ctx.run((d) =>
        d.updateTable('job_leases').set({ until: now + ttlMs }).where('name', '=', name).where('owner', '=', owner).where('until', '>', now).executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
    async releaseLease(name, owner) {
      await ctx.run((d) => d.deleteFrom('job_leases').where('name', '=', name).where('owner', '=', owner).execute());
    },
    async getLease(name) {
      return ctx.db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
    },
  };
}
