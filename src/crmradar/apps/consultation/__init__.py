"""The regional consultation's registers: organisations, value chains, bottlenecks, action points, meetings,
deep dives and knowledge questions, with comments, audit trail (django-simple-history) and soft delete."""
