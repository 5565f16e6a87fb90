/** Date formats of the real services. */

/** Jackson 2.8 `StdDateFormat` in UTC, as orders writes `date`: `2017-03-16T15:42:28.620+0000`. */
export function javaDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** `@JsonFormat(pattern="yyyy-MM-dd'T'HH:mm:ss.SSSXXX")` in UTC, as the Java health checks write it. */
export function javaHealthDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** Go `time.Now().String()` in UTC: `2017-03-16 14:32:36.123456789 +0000 UTC`. */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2017-03-16T14:32:36.123Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000 UTC`;
}

/** RFC 1123 date, as Express writes cookie `Expires`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
