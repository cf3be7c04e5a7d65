import { useEffect, useState } from 'react';
import { useFocusOnMount } from './use-focus-on-mount.ts';

/** Backup codes appear once: the traveler copies or downloads them, then says they are saved. */
export function BackupCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string>();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const text = `Tripwise backup codes (each works once)\n\n${codes.join('\n')}\n`;

  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    setDownloadUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="backup-codes" aria-labelledby="backup-codes-title">
      <h3 id="backup-codes-title" ref={heading} tabIndex={-1}>
        Your backup codes
      </h3>
      <p>
        If you lose your phone, each of these codes signs you in once instead of the app. Keep them somewhere safe:{' '}
        <strong>they are shown only now.</strong>
      </p>
      <ol className="code-list" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="account-actions">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy codes
        </button>
        {downloadUrl && (
          <a className="button secondary" href={downloadUrl} download="tripwise-backup-codes.txt">
            Download codes
          </a>
        )}
        <button type="button" onClick={onDone}>
          I saved my codes
        </button>
      </div>
      {copied && (
        <p role="status" className={copied === 'yes' ? 'good' : 'bad'}>
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : 'Copying was refused here: select the codes, or download them.'}
        </p>
      )}
    </section>
  );
}
