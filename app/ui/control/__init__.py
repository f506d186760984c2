"""The Control tab: go-live and reviews, the control plan, measurements and the I-MR chart."""
