<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<!-- A user stylesheet that reads, at run time, a file of its own folder declaring an external entity. -->
<xsl:output method="text"/>
<xsl:template match="/">read: <xsl:value-of select="document('xslt-document-entity.xml')"/></xsl:template>
</xsl:stylesheet>
