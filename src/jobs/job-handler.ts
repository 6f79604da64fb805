/** Which try of a job a handler is running. */
export interface JobAttempt {
  jobId: string;
  /** 0 for the first try. */
  retryCount: number;
  /** No retry follows a failure of this try: the handler should record the failure itself. */
  lastAttempt: boolean;
}

/** Works one job; a throw fails the try and schedules a retry. */
export type JobHandler<T> = (payload: T, attempt: JobAttempt) => Promise<void>;
