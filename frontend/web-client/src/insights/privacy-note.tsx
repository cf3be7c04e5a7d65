/** The footer's word on analytics: what is measured, what is not, and how to turn it off. */
export function PrivacyNote() {
  return (
    <footer className="site-footer">
      <p className="muted" data-testid="privacy-note">
        Privacy: Tripwise counts page views, clicks and which parts of a page were seen, to improve the site and show
        hosts how their listings do. No third-party scripts, no emails, names or typed text, no location from your
        address; your account is known only by an id. Turn on Do Not Track or Global Privacy Control in your browser and
        nothing is sent.
      </p>
    </footer>
  );
}
